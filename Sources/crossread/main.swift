print("crossread")
