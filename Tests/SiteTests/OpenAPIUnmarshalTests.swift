import Foundation
import Testing
@testable import Site

/// Hugo's `openapi3.Unmarshal`: an OpenAPI document read through Go field names, `$ref`s resolved
/// into `.Ref` and `.Value`, zero values for absent fields. The spec and the shortcode are ours; the
/// expected output was taken from Hugo 0.168 on the same files.
@Suite struct OpenAPIUnmarshalTests {
    static let files = [
        "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
        "assets/zoo.json": """
        {"openapi": "3.1.0",
         "info": {"title": "Zoo", "version": "2.1", "license": {"name": "MIT", "url": "https://l.org/"}},
         "paths": {
          "/animals/{id}": {
           "parameters": [{"$ref": "#/components/parameters/id"}],
           "get": {"summary": "One animal", "operationId": "get-animal", "tags": ["Animals"],
                   "parameters": [{"name": "lang", "in": "query", "schema": {"type": "string", "default": "en"}}],
                   "responses": {"200": {"description": "Found", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Animal"}, "example": {"name": "Rex", "legs": 4}}}},
                                 "404": {"description": "Missing"}}},
           "delete": {"deprecated": true, "responses": {"204": {"description": "Gone"}}}
          }
         },
         "components": {
          "parameters": {"id": {"name": "id", "in": "path", "required": true, "schema": {"type": ["integer", "null"], "example": 3}}},
          "schemas": {"Animal": {"type": "object", "required": ["name"], "properties": {
              "name": {"type": "string", "description": "What it is called"},
              "legs": {"type": "integer", "format": "int32"},
              "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}}}},
            "Tag": {"type": "string", "enum": ["wild", "tame"]}}
         }
        }
        """,
        "layouts/_shortcodes/api.html": """
        {{- $spec := openapi3.Unmarshal (resources.Get (.Get 0)) -}}
        <h2>{{ $spec.Info.Title }} v{{ $spec.Info.Version }}</h2>
        <p>{{ with $spec.Info.License }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}{{ with $spec.Info.Contact }}contact{{ end }}|{{ $spec.Info.Description }}|</p>
        {{ range $path, $item := $spec.Paths.Map -}}
        {{ range $method, $op := $item.Operations -}}
        <h3 id="{{ $op.OperationID }}">{{ $method }} {{ $path }}: {{ or $op.Summary "none" }}{{ if $op.Deprecated }} (deprecated){{ end }}</h3>
        <p>tags {{ delimit $op.Tags "," }}; {{ len $item.Parameters }} path parameters, {{ len $op.Parameters }} own</p>
        <ul>{{ range append $item.Parameters $op.Parameters }}{{ with .Value }}<li>{{ .Name }} in {{ .In }}{{ if .Required }} required{{ end }} ref={{ $.Page.Title }}{{ with .Schema }} [{{ .Ref }}] {{ delimit .Value.Type.Slice "|" }} default={{ .Value.Default }} example={{ .Value.Example }}{{ end }}</li>{{ end }}{{ end }}</ul>
        {{ with $op.RequestBody }}<p>body</p>{{ end -}}
        {{ range $code, $r := $op.Responses.Map }}<p>{{ $code }} {{ $r.Value.Description }}{{ range $mt, $m := $r.Value.Content }} {{ $mt }} {{ $m.Schema.Ref }} {{ jsonify $m.Example }}{{ end }}</p>{{ end }}
        {{ end -}}
        {{ end -}}
        {{ range $name, $s := $spec.Components.Schemas -}}
        <h4>{{ $name }}: {{ with $s.Value.Type }}{{ index .Slice 0 }}{{ end }} required={{ $s.Value.Required }} enum={{ $s.Value.Enum }}</h4>
        {{ range $p, $ps := $s.Value.Properties }}<p>{{ $p }} {{ with $ps.Value }}{{ with .Type }}{{ index .Slice 0 }}{{ end }} {{ .Format }} {{ .Description }}{{ with .Items }} of {{ .Ref }} {{ .Value.Enum }}{{ end }}{{ end }} {{ in $s.Value.Required $p }}</p>{{ end }}
        {{ end -}}
        """,
        "content/p.md": "---\ntitle: P\n---\n{{< api \"zoo.json\" >}}\n",
    ]

    /// Hugo 0.168's `.Content` for content/p.md.
    static let hugo = """
        <h2>Zoo v2.1</h2>
        <p><a href="https://l.org/">MIT</a>||</p>
        <h3 id="">DELETE /animals/{id}: none (deprecated)</h3>
        <p>tags ; 1 path parameters, 0 own</p>
        <ul><li>id in path required ref=P [] integer|null default= example=3</li></ul>
        <p>204 Gone</p>
        <h3 id="get-animal">GET /animals/{id}: One animal</h3>
        <p>tags Animals; 1 path parameters, 1 own</p>
        <ul><li>lang in query ref=P [] string default=en example=</li><li>id in path required ref=P [] integer|null default= example=3</li></ul>
        <p>200 Found application/json #/components/schemas/Animal {"legs":4,"name":"Rex"}</p><p>404 Missing</p>
        <h4>Animal: object required=[name] enum=[]</h4>
        <p>legs integer int32  false</p><p>name string  What it is called true</p><p>tags array   of #/components/schemas/Tag [wild tame] false</p>
        <h4>Tag: string required=[] enum=[wild tame]</h4>
        """

    @Test func templatesReadTheDocumentAsHugoGivesIt() throws {
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(Self.files))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(report.diagnostics.isEmpty, "\(report.lines)")
        let html = HugoFidelity.article(try #require(report.html(at: "/p/")))
        #expect(html == Self.hugo)
    }

    /// A YAML spec turned into JSON through `resources.FromString`, as hugo-book's `openapi` shortcode
    /// does; the JSON resource is published because its URL was asked for.
    @Test func aYAMLSpecGoesThroughResourcesFromString() throws {
        var files = Self.files
        files["assets/mini.yaml"] = """
            openapi: 3.0.3
            info:
              title: Mini
              version: "1"
            paths:
              /ping:
                get:
                  summary: Ping
                  responses:
                    "200":
                      description: Pong
                      content:
                        text/plain:
                          schema:
                            $ref: "#/components/schemas/Word"
            components:
              schemas:
                Word:
                  type: string
                  description: One word
            """
        files["layouts/_shortcodes/yapi.html"] = """
            {{- $src := .Get 0 -}}
            {{- $raw := resources.FromString (printf "%s.json" $src) (resources.Get $src | transform.Unmarshal | jsonify) -}}
            {{- $spec := openapi3.Unmarshal $raw -}}
            <p>{{ $spec.Info.Title }} {{ $raw.RelPermalink }} {{ range $p, $i := $spec.Paths.Map }}{{ $p }}: {{ with index $i.Operations "GET" }}{{ .Summary }}{{ range $c, $r := .Responses.Map }} {{ $c }} {{ range $m, $t := $r.Value.Content }}{{ $m }} {{ $t.Schema.Ref }} {{ $t.Schema.Value.Description }}{{ end }}{{ end }}{{ end }}{{ end }}</p>
            """
        files["content/y.md"] = "---\ntitle: Y\n---\n{{< yapi \"mini.yaml\" >}}\n"
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(files))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(report.diagnostics.isEmpty, "\(report.lines)")
        let html = HugoFidelity.article(try #require(report.html(at: "/y/")))
        #expect(html == "<p>Mini /mini.yaml.json /ping: Ping 200 text/plain #/components/schemas/Word One word</p>")
        let json = try String(contentsOf: output.appendingPathComponent("mini.yaml.json"), encoding: .utf8)
        #expect(json.hasPrefix("{") && json.contains("\"title\":\"Mini\""))
    }
}
