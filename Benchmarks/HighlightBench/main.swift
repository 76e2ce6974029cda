print("Highlight benchmark: not written yet")
