print("Markdown benchmark: not written yet")
