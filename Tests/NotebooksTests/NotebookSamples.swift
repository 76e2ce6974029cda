/// Small notebooks written for the tests, one feature each.
enum NotebookSamples {
    /// A notebook around `cells` (JSON cell objects).
    static func notebook(_ cells: [String], language: String = "python") -> String {
        """
        {
         "cells": [\(cells.joined(separator: ",\n"))],
         "metadata": {"kernelspec": {"display_name": "Python 3", "language": "\(language)", "name": "python3"},
                      "title": "Sample"},
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """
    }

    static func code(_ source: String, outputs: [String] = [], tags: [String] = []) -> String {
        let tagList = tags.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"cell_type": "code", "execution_count": 1, "metadata": {"tags": [\(tagList)]},
             "source": \(source), "outputs": [\(outputs.joined(separator: ", "))]}
            """
    }

    static func markdown(_ source: String) -> String {
        "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \(source)}"
    }

    static func stream(_ name: String, _ text: String) -> String {
        "{\"output_type\": \"stream\", \"name\": \"\(name)\", \"text\": \(text)}"
    }

    static func display(_ data: String) -> String {
        "{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\(data)}}"
    }

    static func result(_ data: String) -> String {
        "{\"output_type\": \"execute_result\", \"execution_count\": 1, \"metadata\": {}, \"data\": {\(data)}}"
    }

    /// A 1×1 PNG, base64.
    static let pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
}
