import Auth0Schema
import JSONValues
import Testing

/// One hand-made failing instance per keyword, with the exact violation: path, keyword, z-schema's message and the
/// failing schema's description; and the passing neighbour of each.
@Suite struct SchemaValidatorKeywordTests {
    /// A document with two named schemas, so `$ref` resolution is exercised without the excerpt.
    static let validator = SchemaValidator(document: [
        "components": [
            "schemas": [
                "Name": ["type": "string", "description": "A name.", "minLength": 1, "maxLength": 5],
                "Node": [
                    "type": "object", "additionalProperties": false,
                    "properties": ["child": ["$ref": "#/components/schemas/Node"], "name": ["$ref": "#/components/schemas/Name"]],
                ],
                "a/b": ["type": "integer"],
                "Uri": ["type": "string", "format": "uri"],
            ],
        ],
    ])

    static func violations(_ instance: JSONValue, _ schema: JSONValue) -> [SchemaViolation] {
        validator.validate(instance, against: schema)
    }

    @Test(arguments: [
        // type: one type, a list with null, integer inside number, a whole double is an integer
        (JSONValue.int(5), ["type": "string"] as JSONValue, SchemaViolation(path: [], keyword: "type", message: "Expected type string but found type integer")),
        (.double(1.5), ["type": "integer"], SchemaViolation(path: [], keyword: "type", message: "Expected type integer but found type number")),
        (true, ["type": ["string", "null"]], SchemaViolation(path: [], keyword: "type", message: "Expected type string,null but found type boolean")),
        (nil, ["type": "object"], SchemaViolation(path: [], keyword: "type", message: "Expected type object but found type null")),
        ([1], ["type": "object", "description": "D."], SchemaViolation(path: [], keyword: "type", message: "Expected type object but found type array", description: "D.")),
        // enum and const
        ("blue", ["enum": ["red", "green"]], SchemaViolation(path: [], keyword: "enum", message: "No enum match for: blue")),
        (["a": 1], ["enum": ["red"]], SchemaViolation(path: [], keyword: "enum", message: "No enum match for: {\"a\":1}")),
        ("oidc", ["const": "auth0"], SchemaViolation(path: [], keyword: "const", message: "Value does not match const: auth0")),
        // strings
        ("", ["minLength": 1], SchemaViolation(path: [], keyword: "minLength", message: "String is too short (0 chars), minimum 1")),
        ("abcdef", ["maxLength": 5], SchemaViolation(path: [], keyword: "maxLength", message: "String is too long (6 chars), maximum 5")),
        ("a<b", ["pattern": "^[^<>]+$"], SchemaViolation(path: [], keyword: "pattern", message: "String does not match pattern ^[^<>]+$: a<b")),
        ("Acme Corp", ["format": "organization-name"], SchemaViolation(path: [], keyword: "format", message: "Object didn't pass validation for format organization-name: Acme Corp")),
        ("nope", ["format": "email"], SchemaViolation(path: [], keyword: "format", message: "Object didn't pass validation for format email: nope")),
        // numbers
        (-1, ["minimum": 0], SchemaViolation(path: [], keyword: "minimum", message: "Value -1 is less than minimum 0")),
        (2_592_001, ["maximum": 2_592_000], SchemaViolation(path: [], keyword: "maximum", message: "Value 2592001 is greater than maximum 2592000")),
        (0, ["exclusiveMinimum": 0], SchemaViolation(path: [], keyword: "exclusiveMinimum", message: "Value 0 is equal or less than exclusive minimum 0")),
        (10, ["exclusiveMaximum": 10], SchemaViolation(path: [], keyword: "exclusiveMaximum", message: "Value 10 is equal or greater than exclusive maximum 10")),
        (7, ["multipleOf": 5], SchemaViolation(path: [], keyword: "multipleOf", message: "Value 7 is not a multiple of 5")),
        // arrays
        ([], ["minItems": 1], SchemaViolation(path: [], keyword: "minItems", message: "Array is too short (0), minimum 1")),
        ([1, 2, 3], ["maxItems": 2], SchemaViolation(path: [], keyword: "maxItems", message: "Array is too long (3), maximum 2")),
        (["email", "phone", "email"], ["uniqueItems": true], SchemaViolation(path: [], keyword: "uniqueItems", message: "Array items are not unique (indexes 0 and 2)")),
        (["profile"], ["contains": ["const": "openid"]], SchemaViolation(path: [], keyword: "contains", message: "Array does not contain an item matching the schema")),
        (["a", 2], ["items": ["type": "string"]], SchemaViolation(path: ["1"], keyword: "type", message: "Expected type string but found type integer")),
        // objects
        ([:], ["minProperties": 1], SchemaViolation(path: [], keyword: "minProperties", message: "Too few properties defined (0), minimum 1")),
        (["a": "1", "b": "2"], ["maxProperties": 1], SchemaViolation(path: [], keyword: "maxProperties", message: "Too many properties defined (2), maximum 1")),
        (["display_name": "x"], ["required": ["name"]], SchemaViolation(path: [], keyword: "required", message: "Missing required property: name")),
        (["name": "x", "foo": 1, "bar": 2], ["properties": ["name": [:]], "additionalProperties": false],
         SchemaViolation(path: [], keyword: "additionalProperties", message: "Additional properties not allowed: bar,foo")),
        (["k": 5], ["additionalProperties": ["type": ["string", "null"], "description": "Value."]],
         SchemaViolation(path: ["k"], keyword: "type", message: "Expected type string,null but found type integer", description: "Value.")),
        (["name": 5], ["properties": ["name": ["type": "string", "description": "The name."]]],
         SchemaViolation(path: ["name"], keyword: "type", message: "Expected type string but found type integer", description: "The name.")),
        // applicators
        ("abcdef", ["allOf": [["type": "string"], ["maxLength": 3]]], SchemaViolation(path: [], keyword: "maxLength", message: "String is too long (6 chars), maximum 3")),
        ("x", ["not": ["type": "string"]], SchemaViolation(path: [], keyword: "not", message: "Data matches schema from 'not'")),
        (5, ["oneOf": [["type": "integer"], ["minimum": 1]]], SchemaViolation(path: [], keyword: "oneOf", message: "Data is valid against more than one schema from 'oneOf'")),
        // Checked formats stay certain: two e-mail alternatives that both pass are two.
        ("a@b.example", ["oneOf": [["format": "email"], ["type": "string", "format": "email"]]], SchemaViolation(path: [], keyword: "oneOf", message: "Data is valid against more than one schema from 'oneOf'")),
        // Two passes that do not depend on an unchecked format are still "more than one", with a third that does.
        ("x", ["oneOf": [["type": "string"], ["minLength": 1], ["format": "uri"]]], SchemaViolation(path: [], keyword: "oneOf", message: "Data is valid against more than one schema from 'oneOf'")),
        (["child": ["child": ["name": "toolong"]]], ["$ref": "#/components/schemas/Node"],
         SchemaViolation(path: ["child", "child", "name"], keyword: "maxLength", message: "String is too long (7 chars), maximum 5", description: "A name.")),
        ("x", ["$ref": "#/components/schemas/a~1b"], SchemaViolation(path: [], keyword: "type", message: "Expected type integer but found type string")),
        ("x", ["$ref": "#/components/schemas/Missing"], SchemaViolation(path: [], keyword: "$ref", message: "Reference could not be resolved: #/components/schemas/Missing")),
        ("x", false, SchemaViolation(path: [], keyword: "false", message: "Boolean schema \"false\" is always invalid.")),
    ] as [(JSONValue, JSONValue, SchemaViolation)])
    func oneViolationPerKeyword(instance: JSONValue, schema: JSONValue, expected: SchemaViolation) {
        #expect(Self.violations(instance, schema) == [expected])
    }

    @Test(arguments: [
        (JSONValue.int(5), ["type": "number"] as JSONValue),
        (.double(2.0), ["type": "integer"]),
        (nil, ["type": ["string", "null"]]),
        ("red", ["enum": ["red", "green"]]),
        (.double(1.0), ["enum": [1]]),
        ("auth0", ["const": "auth0"]),
        ("a", ["minLength": 1, "maxLength": 1]),
        // five code points, ten UTF-16 units: length is counted in code points
        ("😀😀😀😀😀", ["maxLength": 5]),
        ("acme_2-prod", ["format": "organization-name"]),
        ("jane@example.com", ["format": "email"]),
        ("not a url", ["format": "url"]),
        ("abc", ["pattern": "b"]),
        (0, ["minimum": 0, "maximum": 0]),
        (["a", "b"], ["uniqueItems": true, "minItems": 2, "maxItems": 2]),
        (["profile", "openid"], ["contains": ["const": "openid"]]),
        (["a": "1"], ["minProperties": 1, "maxProperties": 1, "required": ["a"]]),
        (["name": "x"], ["properties": ["name": [:]], "additionalProperties": false]),
        ("x", ["anyOf": [["type": "integer"], ["type": "string"]]]),
        (5, ["oneOf": [["type": "integer"], ["type": "string"]]]),
        // A second alternative that passes only for want of a checked format does not make two (Auth0 checks it).
        ("globex.example", ["oneOf": [["type": "string", "pattern": "^[a-z.]+$"], ["type": "string", "format": "uri"]]]),
        (["d": "x"], ["oneOf": [["type": "object"], ["properties": ["d": ["$ref": "#/components/schemas/Uri"]]]]]),
        // A second alternative that passes only because its format is not checked is not "more than one"
        // (Auth0's `ConnectionDomainAliasesItems`: a host name, or a `uri`).
        ("globex.example", ["oneOf": [["type": "string"], ["type": "string", "format": "uri"]]]),
        (5, ["not": ["type": "string"]]),
        (["child": ["name": "abc"]], ["$ref": "#/components/schemas/Node"]),
        ("anything", ["description": "x", "default": 1, "x-release-lifecycle": "GA", "deprecated": true]),
    ] as [(JSONValue, JSONValue)])
    func passingNeighbours(instance: JSONValue, schema: JSONValue) {
        #expect(Self.violations(instance, schema) == [])
    }

    @Test func anyOfReportsOnceWithTheAlternativesInside() {
        let schema: JSONValue = [
            "description": "Key pair or PEM.",
            "anyOf": [["type": "object"], ["type": "string", "minLength": 1]],
        ]
        #expect(Self.violations(5, schema) == [
            SchemaViolation(
                path: [], keyword: "anyOf", message: "Data does not match any schemas from 'anyOf'", description: "Key pair or PEM.",
                inner: [
                    SchemaViolation(path: [], keyword: "type", message: "Expected type object but found type integer"),
                    SchemaViolation(path: [], keyword: "type", message: "Expected type string but found type integer"),
                ]),
        ])
        #expect(Self.violations(5, ["oneOf": schema["anyOf"]!]).map(\.message) == ["Data does not match any schemas from 'oneOf'"])
    }

    @Test func everyViolationIsReportedKeywordsBeforeChildrenChildrenByName() {
        let schema: JSONValue = [
            "type": "object", "required": ["name"], "additionalProperties": false,
            "properties": ["b": ["type": "string"], "a": ["type": "string"], "c": [:]],
        ]
        #expect(Self.violations(["b": 1, "a": 2, "z": 0], schema) == [
            SchemaViolation(path: [], keyword: "required", message: "Missing required property: name"),
            SchemaViolation(path: [], keyword: "additionalProperties", message: "Additional properties not allowed: z"),
            SchemaViolation(path: ["a"], keyword: "type", message: "Expected type string but found type integer"),
            SchemaViolation(path: ["b"], keyword: "type", message: "Expected type string but found type integer"),
        ])
    }

    @Test func aSelfReferenceThatConsumesNothingStops() {
        let looping = SchemaValidator(document: ["components": ["schemas": ["Loop": ["$ref": "#/components/schemas/Loop"]]]])
        #expect(looping.validate("x", against: ["$ref": "#/components/schemas/Loop"]) == [])
    }

    @Test func anUnknownSchemaNameIsAnError() {
        #expect(throws: SchemaValidatorError.unknownSchema("Nope")) { try Self.validator.validate(1, schemaNamed: "Nope") }
        #expect(SchemaValidatorError.unknownSchema("Nope").description == "no schema named Nope in components.schemas")
    }

    @Test func referencesResolveAsJSONPointers() {
        #expect(Self.validator.resolve(reference: "#/components/schemas/Name/maxLength") == 5)
        #expect(Self.validator.resolve(reference: "#/components/schemas/a%7E1b") == ["type": "integer"])
        #expect(Self.validator.resolve(reference: "#/components/schemas/Name/nothing") == nil)
        #expect(Self.validator.resolve(reference: "other.json#/x") == nil)
    }
}
