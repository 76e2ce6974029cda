import GoTemplates
import Testing

@Suite struct StringHelperTests {
    @Test func replaceAndRegex() throws {
        #expect(try text(#"{{ replace "a-b-c" "-" "+" }}"#) == "a+b+c")
        #expect(try text(#"{{ strings.Replace "a-b-c" "-" "+" 1 }}"#) == "a+b-c")
        #expect(try text(#"{{ replaceRE "(\\w+)@(\\w+)" "$2 at $1" "me@home" }}"#) == "home at me")
        #expect(try text(#"{{ replaceRE "a+" "x" "caaab aab" 1 }}"#) == "cxb aab")
        #expect(try text(#"{{ findRE "[0-9]+" "a1 b22 c333" }}"#) == "[1 22 333]")
        #expect(try text(#"{{ findRE "[0-9]+" "a1 b22 c333" 2 }}"#) == "[1 22]")
        #expect(try text(#"{{ findRESubmatch "(a)(b)?" "ab a" }}"#) == "[[ab a b] [a a ]]")
        #expect(failure(#"{{ findRE "(" "x" }}"#)?.message.hasPrefix("error calling findRE: invalid regular expression") == true)
    }

    @Test func splittingAndTrimming() throws {
        #expect(try text(#"{{ split "a,b,c" "," }}"#) == "[a b c]")
        #expect(try text(#"{{ trim "--a-b--" "-" }}"#) == "a-b")
        #expect(try text(#"{{ strings.TrimLeft "-" "--a-" }}|{{ strings.TrimRight "-" "-a--" }}"#) == "a-|-a")
        #expect(
            try text(#"{{ strings.TrimPrefix "pre" "prefix" }}|{{ strings.TrimSuffix "fix" "prefix" }}|{{ strings.TrimSpace "  x \n" }}"#)
                == "fix|pre|x")
        #expect(try text(#"{{ chomp "line\n\n" }}|"#) == "line|")
    }

    @Test func caseAndTests() throws {
        #expect(try text(#"{{ lower "ÀBC" }} {{ upper "abc" }} {{ title "a tale of two cities" }}"#) == "àbc ABC A Tale of Two Cities")
        #expect(try text(#"{{ strings.FirstUpper "hello" }}"#) == "Hello")
        #expect(try text(#"{{ hasPrefix "golang" "go" }} {{ hasSuffix "golang" "ng" }} {{ strings.Contains "abc" "bc" }}"#) == "true true true")
        #expect(try text(#"{{ strings.ContainsAny "abc" "xyzc" }} {{ strings.ContainsNonSpace "  " }}"#) == "true false")
        #expect(try text(#"{{ strings.Count "a" "banana" }} {{ countwords "one two  three" }} {{ countrunes "a b" }}"#) == "3 3 2")
        #expect(try text(#"{{ strings.Repeat 3 "ab" }} {{ strings.RuneCount "héllo" }}"#) == "ababab 5")
    }

    @Test func substrings() throws {
        #expect(try text(#"{{ substr "abcdef" 1 3 }} {{ substr "abcdef" -2 }} {{ slicestr "abcdef" 1 4 }}"#) == "bcd ef bcd")
        #expect(try text(#"{{ truncate 10 "The quick brown fox" }}"#) == "The quick …")
        #expect(try text(#"{{ truncate 10 "..." "The quick brown fox" }}"#) == "The quick...")
        #expect(try text(#"{{ truncate 50 "short" }}"#) == "short")
        #expect(try text(#"{{ urlize "Hello World!" }}"#) == "hello-world")
    }
}

@Suite struct CollectionHelperTests {
    @Test func makingCollections() throws {
        #expect(try text(#"{{ $d := dict "a" 1 "b" "two" }}{{ $d.a }} {{ $d.b }} {{ len $d }}"#) == "1 two 2")
        #expect(try text(#"{{ slice 1 "a" 2.5 }}"#) == "[1 a 2.5]")
        #expect(try text(#"{{ seq 3 }} {{ seq 2 4 }} {{ seq 0 2 6 }} {{ seq -2 }} {{ seq 3 1 }}"#) == "[1 2 3] [2 3 4] [0 2 4 6] [-1 -2] [3 2 1]")
        #expect(try text(#"{{ $s := slice 1 2 }}{{ $s = $s | append 3 }}{{ $s }} {{ append (slice 4 5) (slice 1) }}"#) == "[1 2 3] [1 4 5]")
        #expect(try text(#"{{ $m := merge (dict "a" 1 "n" (dict "x" 1)) (dict "b" 2 "n" (dict "y" 2)) }}{{ $m }}"#) == "map[a:1 b:2 n:map[x:1 y:2]]")
        #expect(try text(#"{{ querify "b" 2 "a" "x y" }}"#) == "a=x+y&b=2")
    }

    /// Hugo 0.168's merge: left to right, the right-hand value winning; nil sources skipped, a nil destination refused.
    @Test func mergeFollowsHugo() throws {
        #expect(
            try text(#"{{ merge (dict "a" 1 "c" (dict "x" 1 "y" 1)) (dict "a" 2 "b" 2 "c" (dict "x" 2)) }}"#)
                == "map[a:2 b:2 c:map[x:2 y:1]]")
        #expect(try text(#"{{ merge .Missing (dict "a" 1) .Gone (dict "b" 2) }}"#, [:]) == "map[a:1 b:2]")
        #expect(throws: GoTemplateError.self) { try text(#"{{ merge (dict "a" 1) .Missing }}"#, [:]) }
    }

    @Test func defaultsAndConditions() throws {
        #expect(try text(#"{{ default "fallback" .X }} {{ default "fallback" "set" }} {{ .X | default 5 }}"#, [:]) == "fallback set 5")
        #expect(try text(#"{{ default 1 0 }} {{ default "x" false }} {{ default "x" nil }} {{ default "x" (slice) }}"#) == "1 false x x")
        #expect(try text(#"{{ cond true "yes" "no" }} {{ cond (eq 1 2) "yes" "no" }}"#) == "yes no")
    }

    @Test func slicingCollections() throws {
        #expect(try text("{{ first 2 . }} {{ last 2 . }} {{ after 2 . }}", [1, 2, 3, 4]) == "[1 2] [3 4] [3 4]")
        #expect(try text("{{ first 10 . }} {{ after 10 . }}", [1]) == "[1] []")
        #expect(try text("{{ range first 2 . }}{{ . }}{{ end }}", ["a", "b", "c"]) == "ab")
    }

    @Test func membership() throws {
        #expect(try text(#"{{ in . "b" }} {{ in . "z" }} {{ in "haystack" "st" }}"#, ["a", "b"]) == "true false true")
        #expect(try text(#"{{ in . 2 }} {{ in . 2.0 }}"#, [1, 2]) == "true true")
        #expect(try text(#"{{ isset . "a" }} {{ isset . "z" }}"#, ["a": nil]) == "true false")
        #expect(try text(#"{{ isset . 1 }} {{ isset . 5 }}"#, [1, 2]) == "true false")
    }

    @Test func joiningAndOrdering() throws {
        #expect(try text(#"{{ delimit . ", " }}"#, ["a", "b", "c"]) == "a, b, c")
        #expect(try text(#"{{ delimit . ", " " and " }}"#, ["a", "b", "c"]) == "a, b and c")
        #expect(try text("{{ uniq . }}", [1, 2, 1, 3, 2]) == "[1 2 3]")
        #expect(try text("{{ sort . }}", [3, 1, 2]) == "[1 2 3]")
        #expect(try text(#"{{ sort . "value" "desc" }}"#, ["b", "c", "a"]) == "[c b a]")
        let people: GoValue = [["name": "Bo", "age": 40], ["name": "Al", "age": 30], ["name": "Cy", "age": 35]]
        #expect(try text(#"{{ range sort . "age" }}{{ .name }}{{ end }}"#, people) == "AlCyBo")
        #expect(try text(#"{{ range sort . "name" "desc" }}{{ .name }}{{ end }}"#, people) == "CyBoAl")
        #expect(try text("{{ reverse . }}", [1, 2, 3]) == "[3 2 1]")
        #expect(
            try text("{{ intersect .A .B }} {{ union .A .B }} {{ complement .B .A }}", ["A": [1, 2, 3], "B": [2, 3, 4]]) == "[2 3] [1 2 3 4] [1]")
    }

    @Test func whereFilters() throws {
        let pages: GoValue = [
            ["Title": "A", "Params": ["draft": false, "weight": 3, "tags": ["go", "swift"]]],
            ["Title": "B", "Params": ["draft": true, "weight": 1, "tags": ["go"]]],
            ["Title": "C", "Params": ["draft": false, "weight": 2, "tags": []]],
        ]
        #expect(try text(#"{{ range where . "Params.draft" false }}{{ .Title }}{{ end }}"#, pages) == "AC")
        #expect(try text(#"{{ range where . ".Params.weight" ">=" 2 }}{{ .Title }}{{ end }}"#, pages) == "AC")
        #expect(try text(#"{{ range where . "Title" "in" (slice "A" "B") }}{{ .Title }}{{ end }}"#, pages) == "AB")
        #expect(try text(#"{{ range where . "Title" "not in" (slice "A" "B") }}{{ .Title }}{{ end }}"#, pages) == "C")
        #expect(try text(#"{{ range where . "Params.tags" "intersect" (slice "swift") }}{{ .Title }}{{ end }}"#, pages) == "A")
        #expect(try text(#"{{ range where . "Title" "ne" "B" }}{{ .Title }}{{ end }}"#, pages) == "AC")
        #expect(try text(#"{{ range where . "Title" "like" "^[BC]" }}{{ .Title }}{{ end }}"#, pages) == "BC")
        #expect(try text(#"{{ len (where . "Params.weight" "<" 3) }}"#, pages) == "2")
    }
}

@Suite struct MathAndEncodingHelperTests {
    @Test func arithmetic() throws {
        #expect(try text("{{ add 1 2 }} {{ sub 5 7 }} {{ mul 3 4 }} {{ div 7 2 }} {{ mod 7 3 }}") == "3 -2 12 3 1")
        #expect(try text("{{ add 1 2.5 }} {{ div 7.0 2 }} {{ mul 1.5 2 }} {{ add 1 2 3 }}") == "3.5 3.5 3 6")
        #expect(try text(#"{{ add "a" "b" }} {{ add "2" 3 }}"#) == "ab 5")
        #expect(failure("{{ div 1 0 }}")?.message == "error calling div: can't divide the value by 0")
        #expect(try text("{{ modBool 10 5 }} {{ math.ModBool 10 3 }}") == "true false")
    }

    @Test func mathNamespace() throws {
        #expect(try text("{{ math.Ceil 1.2 }} {{ math.Floor 1.8 }} {{ math.Round 2.5 }} {{ math.Abs -3 }}") == "2 1 3 3")
        #expect(try text("{{ math.Sqrt 16 }} {{ math.Pow 2 10 }} {{ math.Max 1 5 3 }} {{ math.Min 4 2 }}") == "4 1024 5 2")
        #expect(try text("{{ math.Sum (slice 1 2 3) }} {{ math.Product 2 3 }} {{ printf \"%.4f\" math.Pi }}") == "6 6 3.1416")
        #expect(try text("{{ math.Log 1 }}") == "0")
    }

    @Test func casts() throws {
        #expect(
            try text(#"{{ int "42" }} {{ int 3.9 }} {{ float "2.5" }} {{ float 2 }} {{ string 12 }} {{ printf "%T" (string 1) }}"#)
                == "42 3 2.5 2 12 string")
        #expect(failure(#"{{ int "x" }}"#)?.message == #"error calling int: unable to cast "x" of type string to int"#)
    }

    @Test func safeTypes() throws {
        #expect(try html(#"{{ "<b>" | safeHTML }}{{ "<b>" }}"#) == "<b>&lt;b&gt;")
        #expect(try html(#"<a href="{{ "javascript:x()" | safeURL }}">"#) == #"<a href="javascript:x%28%29">"#)
        #expect(try html(#"<p {{ "class=\"x\"" | safeHTMLAttr }}>"#) == #"<p class="x">"#)
        #expect(try html(#"<script>{{ "var a = 1" | safeJS }}</script>"#) == "<script>var a = 1</script>")
        #expect(try html(#"<p style="{{ "color: red" | safeCSS }}">"#) == #"<p style="color: red">"#)
        #expect(try text(#"{{ printf "%T" (safeHTML "x") }}"#) == "template.HTML")
    }

    @Test func htmlHelpers() throws {
        #expect(try text(#"{{ htmlEscape "<a href='x'>&</a>" }}"#) == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
        #expect(try text(#"{{ htmlUnescape "&lt;b&gt; &amp;amp; &#39; &#x41; &hellip;" }}"#) == "<b> &amp; ' A …")
        #expect(try text(#"{{ plainify "<p>Hello <b>world</b><!-- c --></p>" }}"#) == "Hello world")
    }

    @Test func jsonify() throws {
        #expect(try text(#"{{ jsonify (dict "b" (slice 1 2.5 true nil) "a" "<x>") }}"#) == #"{"a":"\u003cx\u003e","b":[1,2.5,true,null]}"#)
        #expect(try text(#"{{ jsonify (dict "indent" "  ") (dict "a" 1) }}"#) == "{\n  \"a\": 1\n}")
        #expect(try text(#"{{ jsonify (dict "noHTMLEscape" true) "<x>" }}"#) == #""<x>""#)
        #expect(try html(#"{{ jsonify "<x>" }}"#) == #""\u003cx\u003e""#)
    }

    @Test func encodingAndHashes() throws {
        #expect(try text(#"{{ base64Encode "Hello, world" }} {{ base64Decode "SGVsbG8=" }}"#) == "SGVsbG8sIHdvcmxk Hello")
        #expect(try text(#"{{ md5 "" }}"#) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(try text(#"{{ md5 "The quick brown fox jumps over the lazy dog" }}"#) == "9e107d9d372bb6826bd81d3542a419d6")
        #expect(try text(#"{{ sha256 "abc" }}"#) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try text(#"{{ sha1 "abc" }}"#) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(try text(#"{{ sha256 (strings.Repeat 100 "a") | len }}"#) == "64")
    }
}
