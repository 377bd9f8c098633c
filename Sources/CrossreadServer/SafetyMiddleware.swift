import Hummingbird
import NIOCore

/// Wraps every route (and the not-found responder): turns thrown errors into clear JSON or HTML error
/// responses with their status, and adds the Content-Security-Policy, `nosniff` and `same-origin` referrer
/// headers to every response.
struct SafetyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/") || request.uri.path == "/api"
        do {
            return Responses.secured(try await next(request, context))
        } catch let error as ServerError {
            return Responses.secured(Responses.error(error, api: api))
        } catch let error as any HTTPResponseError {
            let message = switch error.status {
            case .notFound: "There is no page at \(request.uri.path)."
            case .methodNotAllowed: "\(request.method) is not allowed here."
            case .contentTooLarge: "The request is larger than this server accepts."
            default: error.status.reasonPhrase
            }
            return Responses.secured(Responses.error(ServerError(error.status, message), api: api))
        } catch is NIOTooManyBytesError {
            return Responses.secured(Responses.error(ServerError(.contentTooLarge, "The request is larger than this server accepts."), api: api))
        } catch {
            context.logger.error("request failed: \(error)")
            return Responses.secured(Responses.error(ServerError(.internalServerError, "The library could not answer: \(error)"), api: api))
        }
    }
}
