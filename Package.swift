// swift-tools-version:6.0
// tenantplan: policy-checked configuration-as-code for Auth0 B2B tenants.
// No package dependencies: Foundation (with FoundationNetworking) and libyaml only.
import PackageDescription

let package = Package(
    name: "tenantplan",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex needs macOS 15
    products: [
        .executable(name: "tenantplan", targets: ["tenantplan"]),
    ],
    targets: [
        // libyaml through pkg-config `yaml-0.1` (Debian: libyaml-dev).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // libyaml events -> a Swift value tree with 1-based line:column marks.
        .target(name: "YAML", dependencies: ["CLibYAML", "TerminalText"]),
        // One escaping function for names, keys and values printed as text (control and bidi characters shown visibly).
        .target(name: "TerminalText"),
        // The one reader of every input file: classified before it is opened, read up to a cap per kind of file.
        .target(name: "InputFiles"),
        // SHA-256 for saved-plan fingerprints and input hashes (Foundation on Linux has no digest).
        .target(name: "Hashing"),
        // The JSON value every Auth0 object and request body is made of.
        .target(name: "JSONValues"),
        // Auth0's Management API OpenAPI excerpt, embedded, and the facts derived from it (secrets, schemas).
        .target(name: "Auth0Schema", dependencies: ["JSONValues"]),
        // The desired state: loading a tenant directory, validation, diagnostics.
        .target(name: "PlanModel", dependencies: ["YAML", "JSONValues", "Auth0Schema", "TerminalText", "InputFiles"]),
        // The seam: transport protocol, typed Management API v2 calls, the live snapshot.
        .target(name: "ManagementAPI", dependencies: ["JSONValues"]),
        // One side of the seam: the real Auth0 Management API over HTTPS (token, paging, rate budget, retries).
        .target(name: "Auth0HTTP", dependencies: ["ManagementAPI", "JSONValues", "Auth0Schema"]),
        // One side of the seam: Auth0's semantics in process (requests validated against the OpenAPI excerpt),
        // persisted as one JSON file.
        .target(name: "LocalTenant", dependencies: ["ManagementAPI", "JSONValues", "Auth0Schema", "InputFiles"]),
        // Organization members and the login paths they keep: who a plan that removes a connection locks out.
        .target(name: "Members", dependencies: ["ManagementAPI", "JSONValues"]),
        // Policy rules over the desired state: one file per rule under Rules/.
        .target(name: "Policy", dependencies: ["PlanModel", "JSONValues", "Auth0Schema"]),
        // Organization invitations checked against each customer's invite policy.
        .target(name: "Invitations", dependencies: ["PlanModel", "ManagementAPI", "JSONValues", "Auth0Schema"]),
        // Desired x live -> an ordered Plan.
        .target(name: "Diff", dependencies: ["PlanModel", "ManagementAPI", "Members", "JSONValues", "Hashing", "Auth0Schema"]),
        // SSO migration: who is where in an organization (`members`), migration invitations bound by member id.
        .target(name: "Migration", dependencies: ["Diff", "Members", "Invitations", "PlanModel", "ManagementAPI", "JSONValues"]),
        // Carries out a Plan through the seam.
        .target(name: "Apply", dependencies: ["Diff", "ManagementAPI", "Members", "JSONValues"]),
        // The live tenant written back as a tenant directory (`export`).
        .target(name: "Export", dependencies: ["ManagementAPI", "PlanModel", "YAML", "JSONValues", "Auth0Schema", "TerminalText"]),
        // JSON Schemas for editors, generated from the loader's layouts and the rule catalogue (`tenantplan schema`).
        .target(name: "EditorSchema", dependencies: ["PlanModel", "Policy", "Auth0Schema", "JSONValues"]),
        // Renderers: one file per format.
        .target(name: "Output", dependencies: [
            "Diff", "PlanModel", "Policy", "Apply", "Invitations", "Members", "JSONValues", "TerminalText",
            "Migration",
        ]),
        // Commands: option parsing and orchestration, one file per command. Chooses a side of the seam.
        .target(name: "CLI", dependencies: [
            "PlanModel", "Policy", "ManagementAPI", "LocalTenant", "Auth0HTTP", "Diff", "Apply", "Output",
            "Invitations", "Export", "TerminalText", "InputFiles", "EditorSchema",
            "Migration",
        ]),
        .executableTarget(name: "tenantplan", dependencies: ["CLI"]),
        // Generated tenants at scale for the benchmark and the scale tests; not part of the product.
        .target(name: "TenantGenerator", dependencies: ["Apply", "Diff", "LocalTenant", "ManagementAPI", "PlanModel"]),
        // scripts/benchmark: generated tenants at scale; not part of the product.
        .executableTarget(
            name: "tenantplan-benchmark",
            dependencies: [
                "CLI", "Apply", "Diff", "LocalTenant", "ManagementAPI", "PlanModel", "YAML", "TenantGenerator", "CLibYAML",
            ],
            path: "Sources/Benchmark"),

        .target(
            name: "TestSupport",
            dependencies: [
                "CLI", "Apply", "Diff", "Output", "LocalTenant", "ManagementAPI", "JSONValues", "PlanModel", "YAML",
            ],
            path: "Tests/TestSupport",
            resources: [.copy("Resources")]
        ),
        // Each test target is named after the module it tests; ScriptsTests runs the scripts under scripts/.
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "JSONValuesTests", dependencies: ["JSONValues"]),
        .testTarget(name: "Auth0SchemaTests", dependencies: ["Auth0Schema", "JSONValues", "TestSupport"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "InputFilesTests", dependencies: ["InputFiles"]),
        .testTarget(name: "PlanModelTests", dependencies: [
            "PlanModel", "Auth0Schema", "ManagementAPI", "JSONValues", "YAML", "TestSupport",
        ]),
        .testTarget(name: "ManagementAPITests", dependencies: ["ManagementAPI", "JSONValues", "TestSupport"]),
        .testTarget(name: "LocalTenantTests", dependencies: [
            "LocalTenant", "ManagementAPI", "JSONValues", "Auth0Schema", "PlanModel", "TenantGenerator", "TestSupport",
        ]),
        .testTarget(
            name: "PolicyTests", dependencies: ["Policy", "PlanModel", "Output", "TestSupport"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "DiffTests", dependencies: [
            "Diff", "Apply", "Output", "Policy", "LocalTenant", "ManagementAPI", "Members", "PlanModel", "JSONValues",
            "TestSupport",
        ]),
        .testTarget(
            name: "OutputTests",
            dependencies: [
                "Output", "Diff", "Apply", "Policy", "LocalTenant", "ManagementAPI", "PlanModel", "JSONValues",
                "TerminalText", "TestSupport",
            ],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "InvitationsTests",
            dependencies: [
                "Invitations", "CLI", "LocalTenant", "ManagementAPI", "PlanModel", "JSONValues", "TestSupport", "Output",
                "Migration", "Members",
            ]),
        .testTarget(name: "Auth0HTTPTests", dependencies: [
            "Auth0HTTP", "CLI", "LocalTenant", "ManagementAPI", "JSONValues", "TestSupport",
        ]),
        .testTarget(name: "ExportTests", dependencies: [
            "Export", "CLI", "LocalTenant", "ManagementAPI", "PlanModel", "YAML", "JSONValues", "TestSupport",
        ]),
        .testTarget(name: "EditorSchemaTests", dependencies: [
            "EditorSchema", "CLI", "PlanModel", "Policy", "YAML", "JSONValues", "TestSupport",
        ]),
        .testTarget(name: "CLITests", dependencies: [
            "CLI", "Output", "LocalTenant", "ManagementAPI", "JSONValues", "Auth0Schema", "TenantGenerator", "TestSupport",
        ]),
        .testTarget(name: "ScriptsTests", dependencies: ["Output", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
