print("html-eval")
