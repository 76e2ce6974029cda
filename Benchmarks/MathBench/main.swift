print("Math benchmark: not written yet")
