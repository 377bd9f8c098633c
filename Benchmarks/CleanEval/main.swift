print("clean-eval")
