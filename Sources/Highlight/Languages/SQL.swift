/// SQL: case-insensitive keywords and types, quoted strings with doubled-quote escapes, comments.
struct SQLLexer: Lexer {
    private static let words = WordTable([
        (
            .keyword,
            """
            ABORT ABSOLUTE ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND ANY AS ASC ASSERTION AT AUTHORIZATION
            AUTO_INCREMENT AVG BEFORE BEGIN BETWEEN BOTH BY CACHE CALL CASCADE CASCADED CASE CAST CATALOG CHECK
            CLOSE COALESCE COLLATE COLUMN COLUMNS COMMENT COMMIT CONFLICT CONSTRAINT CONSTRAINTS CONTINUE CONVERT
            COPY COUNT CREATE CROSS CUBE CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR
            CYCLE DATABASE DAY DEALLOCATE DECLARE DEFAULT DEFERRABLE DEFERRED DELETE DESC DESCRIBE DISTINCT DO
            DOMAIN DROP EACH ELSE ELSIF END ESCAPE EXCEPT EXCLUDE EXEC EXECUTE EXISTS EXPLAIN EXTENSION EXTRACT
            FALSE FETCH FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL FUNCTION GLOBAL GRANT GROUP GROUPING HAVING
            HOUR IF IGNORE ILIKE IMMEDIATE IN INCREMENT INDEX INHERITS INITIALLY INNER INOUT INPUT INSERT
            INSTEAD INTERSECT INTO IS ISNULL ISOLATION JOIN KEY LANGUAGE LAST LATERAL LEADING LEFT LENGTH LEVEL
            LIKE LIMIT LOCAL LOCK LOWER MATCH MATERIALIZED MAX MERGE MIN MINUTE MODE MONTH NATURAL NEXT NO NOT
            NOTHING NOTNULL NULL NULLIF NULLS OF OFF OFFSET ON ONLY OPEN OPTION OR ORDER OUT OUTER OVERLAPS
            OWNER PARTIAL PLACING POSITION PRECEDING PREPARE PRIMARY PRIOR PRIVILEGES PROCEDURE RANGE READ
            RECURSIVE REFERENCES REFRESH RELEASE RENAME REPLACE RESTRICT RETURN RETURNING RETURNS REVOKE RIGHT
            ROLE ROLLBACK ROLLUP ROW ROWS SAVEPOINT SCHEMA SECOND SELECT SEQUENCE SESSION SESSION_USER SET
            SETOF SHOW SIMILAR SOME START STATEMENT STDIN STDOUT STRICT SUBSTRING SUM SYSTEM TABLE TABLES
            TEMP TEMPORARY THEN TIME TIMESTAMP TO TRAILING TRANSACTION TRIGGER TRIM TRUE TRUNCATE TYPE
            UNBOUNDED UNION UNIQUE UNKNOWN UNLOGGED UNTIL UPDATE UPPER USAGE USER USING VACUUM VALID VALUE
            VALUES VARIADIC VERBOSE VIEW WHEN WHERE WHILE WINDOW WITH WITHOUT WORK WRITE YEAR ZONE
            """
        ),
        (
            .nameBuiltin,
            """
            ARRAY BIGINT BINARY BIT BLOB BOOLEAN CHAR CHARACTER DATE DEC DECIMAL FLOAT INT INTEGER INTERVAL
            NUMBER NUMERIC REAL SERIAL SMALLINT VARCHAR VARYING INT8 SERIAL8 TEXT
            """
        ),
    ])

    func lex(_ scanner: inout Scanner) {
        scanner.run { s in
            let byte = s.peek()
            if byte.isSpace {
                s.emit(.text, to: s.end(from: s.pos, while: \.isSpace))
            } else if s.matches("--") || byte == UInt8(ascii: "#") {
                s.emitRestOfLine(.commentSingle)
            } else if s.matches("/*") {
                s.emit(.commentMultiline, to: s.blockCommentEnd(from: s.pos, open: "/*", close: "*/", nests: true))
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                s.emit(byte == UInt8(ascii: "'") ? .stringSingle : .stringSymbol, to: quotedEnd(s, byte))
            } else if byte.isDigit {
                let (end, kind) = s.number(from: s.pos, suffixes: false)
                s.emit(kind, to: end)
            } else if byte.isIdentifierStart {
                let end = s.identifierEnd(from: s.pos)
                let upper = ArraySlice(s.slice(s.pos, end).map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 })
                let afterDot = s[s.pos - 1] == UInt8(ascii: ".")
                s.emit(afterDot ? .name : Self.words[upper] ?? .name, to: end)
            } else if "+*/<>=~!@#%^&|`?-".utf8.contains(byte) {
                s.emit(.operator, length: 1)
            } else if ";:()[],.".utf8.contains(byte) {
                s.emit(.punctuation, length: 1)
            } else if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "?") {
                s.emit(.nameVariable, to: s.end(from: s.pos + 1, while: \.isIdentifier))
            } else {
                s.emitScalar(.text)
            }
        }
    }

    /// A quoted string or identifier; a doubled quote stays inside.
    private func quotedEnd(_ s: Scanner, _ quote: UInt8) -> Int {
        var i = s.pos + 1
        while i < s.count {
            if s[i] == quote {
                if s[i + 1] == quote {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return s.count
    }
}
