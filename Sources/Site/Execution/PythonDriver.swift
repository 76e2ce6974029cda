/// The Python program a page's session runs (`python3 -c`): it reads one JSON request a line
/// (`{"code": …, "warning": true}`), runs the cell in one namespace shared by the page's cells,
/// and answers one JSON line with what the cell wrote to stdout and stderr, the value of its last
/// expression, the warnings it raised, its error with the cell line, and matplotlib's open figures
/// as SVG (then closed). The answers go to a copy of the original stdout; the cells' own writes to
/// file descriptor 1 are sent to stderr, so they cannot break the exchange.
enum PythonDriver {
    static let source = #"""
        import ast, contextlib, io, json, linecache, os, platform, sys, traceback, warnings

        _answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
        os.dup2(2, 1)
        _requests = sys.stdin
        sys.stdin = io.StringIO("")
        _namespace = {"__name__": "__main__"}


        def _send(message):
            _answers.write(json.dumps(message) + "\n")
            _answers.flush()


        def _figures():
            pyplot = sys.modules.get("matplotlib.pyplot")
            if pyplot is None:
                return []
            # The same figure gives the same SVG on every run: fixed ids, no date.
            pyplot.rcParams["svg.hashsalt"] = "collective"
            figures = []
            for number in pyplot.get_fignums():
                buffer = io.StringIO()
                pyplot.figure(number).savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
                figures.append(buffer.getvalue())
            pyplot.close("all")
            return figures


        def _shown(value):
            if value is None:
                return False
            items = value if isinstance(value, (list, tuple)) and value else [value]
            return not all(type(item).__module__.startswith("matplotlib") for item in items)


        def _error(error):
            frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<cell>"]
            line = frames[-1].lineno if frames else getattr(error, "lineno", None)
            if isinstance(error, SyntaxError) and error.filename == "<cell>":
                line = error.lineno
            text = "".join(traceback.format_exception_only(type(error), error)).rstrip()
            listing = [f'  cell line {frame.lineno}, in {frame.name}\n    {frame.line}' for frame in frames]
            return {"name": type(error).__name__, "value": str(error),
                    "traceback": "\n".join(["Traceback (most recent call last):"] + listing + [text]) if listing else text,
                    "line": line}


        def _run(request):
            stdout, stderr = io.StringIO(), io.StringIO()
            answer = {"result": None, "error": None, "warnings": []}
            source = request["code"]
            # Tracebacks quote the cell's lines.
            linecache.cache["<cell>"] = (len(source), None, source.splitlines(True), "<cell>")
            with warnings.catch_warnings(record=True) as caught:
                try:
                    tree = ast.parse(source, filename="<cell>", mode="exec")
                    last = None
                    if tree.body and isinstance(tree.body[-1], ast.Expr):
                        last = ast.Expression(tree.body.pop().value)
                    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                        exec(compile(tree, "<cell>", "exec"), _namespace)
                        if last is not None:
                            value = eval(compile(last, "<cell>", "eval"), _namespace)
                            if _shown(value):
                                answer["result"] = repr(value)
                except BaseException as error:
                    answer["error"] = _error(error)
            if request.get("warning", True):
                answer["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
            try:
                answer["figures"] = _figures()
            except Exception as error:
                answer["figures"] = []
                stderr.write(f"figures could not be saved: {error}\n")
            answer["stdout"], answer["stderr"] = stdout.getvalue(), stderr.getvalue()
            return answer


        _send({"ready": True, "version": "python " + platform.python_version()})
        for _line in _requests:
            _send(_run(json.loads(_line)))
        """#
}
