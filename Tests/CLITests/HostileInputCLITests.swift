import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile directories and YAML through the commands: exit 1, the exact error, no request to the tenant, and
/// no local tenant file written (the default one under `DIR/.tenantplan/` is never created).
@Suite struct HostileInputCLITests {
    static let commands: [[String]] = [
        ["validate", "tenant"],
        ["plan", "tenant"],
        ["apply", "tenant", "--auto-approve", "--allow-destroy"],
    ]

    /// Runs every command in c05 after `prepare`, and checks the refusal.
    static func refused(_ prepare: (CaseWorkspace) throws -> Void, errors expected: [String]) async throws {
        let work = try CaseWorkspace(case: "c05-secret-unset-keeps-live")
        try prepare(work)
        for command in Self.commands {
            let result = await work.run(command)
            #expect(result.exitCode == 1, "\(command[0])")
            #expect(LoadCasesTests.errors(result, work) == expected, "\(command[0])")
            #expect(result.stderr.hasSuffix(
                "tenantplan: \(expected.count) error\(expected.count == 1 ? "" : "s") in \(work.path("tenant")); "
                    + "nothing was read or changed\n"))
            #expect(result.requests.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: work.path("tenant/.tenantplan/local-tenant.json")))
        }
    }

    @Test func customersAsAFileDestroysNothing() async throws {
        try await Self.refused({ work in
            try FileManager.default.removeItem(atPath: work.path("tenant/customers"))
            try work.write("tenant/customers", "acme.yaml\n")
        }, errors: ["customers: error: cannot list customers/: it is a file, not a folder; the run stops here"])
    }

    @Test func danglingCustomersLinkDestroysNothing() async throws {
        try await Self.refused({ work in
            try FileManager.default.removeItem(atPath: work.path("tenant/customers"))
            try FileManager.default.createSymbolicLink(
                atPath: work.path("tenant/customers"), withDestinationPath: work.path("gone"))
        }, errors: [
            "customers: error: cannot list customers/: it is a symbolic link to a folder that does not exist; the run stops here"
        ])
    }

    @Test func fifoCustomerFileDoesNotHang() async throws {
        try await Self.refused({ work in
            try FileManager.default.removeItem(atPath: work.path("tenant/customers/acme.yaml"))
            #expect(mkfifo(work.path("tenant/customers/acme.yaml"), 0o644) == 0)
        }, errors: ["customers/acme.yaml: error: cannot read customers/acme.yaml: it is a FIFO, not a regular file; the run stops here"])
    }

    @Test func devZeroAsTheTenantFileIsACharacterDevice() async throws {
        try await Self.refused({ work in
            try FileManager.default.removeItem(atPath: work.path("tenant/tenant.yaml"))
            try FileManager.default.createSymbolicLink(atPath: work.path("tenant/tenant.yaml"), withDestinationPath: "/dev/zero")
        }, errors: ["tenant.yaml: error: cannot read tenant.yaml: it is a character device, not a regular file; the run stops here"])
    }

    @Test func aliasBombInOptions() async throws {
        try await Self.refused({ work in
            var lines = ["      l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
            for level in 1...8 {
                lines.append("      l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
            }
            try work.append("tenant/customers/acme.yaml", lines.joined(separator: "\n"))
        }, errors: [
            "customers/acme.yaml:23:\("      l3: &l3 [".count + 7 * "*l2, ".count + 1): error: YAML aliases copy in more than "
                + "10000 nodes (nested aliases multiply); tenantplan files need far fewer: write the values out; the file "
                + "is not read, nothing is planned"
        ])
    }

    @Test func nonStringKeyInOptions() async throws {
        try await Self.refused({ work in
            try work.append("tenant/customers/acme.yaml", "      [a, b]: 1")
        }, errors: [
            "customers/acme.yaml:20:7: error: a mapping key must be a string, found a sequence; the file is not read, nothing is planned"
        ])
    }
}
