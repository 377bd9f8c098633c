#ifndef CROSSREAD_CZLIB_SHIM_H
#define CROSSREAD_CZLIB_SHIM_H
#include <zlib.h>
#endif
