import Diff
import Foundation
import PlanModel

/// Which customers a plan covers (scoped plans; docs/saved-plans.md): all of them, the organizations named by `--target
/// organization:NAME`, or the customers whose files changed since a git revision (`--changed-since REV`).
enum PlanScope: Sendable, Equatable {
    /// Every resource: a full plan.
    case full
    /// `--target organization:NAME` (repeatable).
    case targets([String])
    /// `--changed-since REV`.
    case changedSince(String)

    /// Reads `--target` and `--changed-since`.
    /// - Throws: ``CLIError/usage(_:)`` for a malformed target, or both options together.
    static func parse(targets: [String], changedSince: String?) throws -> PlanScope {
        if let changedSince {
            guard targets.isEmpty else { throw CLIError.usage("give --target or --changed-since, not both") }
            return .changedSince(changedSince)
        }
        guard !targets.isEmpty else { return .full }
        return .targets(try targets.map { target in
            guard target.hasPrefix("organization:"), target.count > "organization:".count else {
                throw CLIError.usage("--target takes organization:NAME, got '\(target)'")
            }
            return String(target.dropFirst("organization:".count))
        })
    }

    /// What the plan covers: the whole tenant, or the organizations to plan.
    /// - Parameter note: Where to say why a `--changed-since` plan is full.
    /// - Throws: ``CLIError/usage(_:)`` for a target no customer file declares; ``CLIError/unsupported(_:)``
    ///   when git cannot list the changed files.
    func covered(of tenant: Tenant, directory: String, note: (String) -> Void) throws -> LivePlan.Scope {
        try organizations(of: tenant, directory: directory, note: note).map(LivePlan.Scope.organizations) ?? .full
    }

    /// The organizations to plan, or `nil` for a full plan (see ``covered(of:directory:note:)``).
    private func organizations(of tenant: Tenant, directory: String, note: (String) -> Void) throws -> Set<String>? {
        let customers = tenant.customers ?? []
        switch self {
        case .full:
            return nil
        case .targets(let names):
            let declared = Set(customers.map(\.organization.name.value))
            for name in names where !declared.contains(name) {
                throw CLIError.usage(
                    "--target organization:\(name): no customer file in \(directory) declares organization \(name)")
            }
            return Set(names)
        case .changedSince(let revision):
            let changed = try ChangedFiles.since(revision, directory: directory)
            let byFile = Dictionary(customers.map { ($0.file, $0.organization.name.value) }, uniquingKeysWith: { a, _ in a })
            var organizations: Set<String> = []
            for file in changed.sorted() {
                if TenantDirectory.tenantFileNames.contains(file) {
                    note("tenantplan: note: \(file) changed since \(revision): planning everything\n")
                    return nil
                }
                guard file.hasPrefix(TenantLoader.customersFolder + "/") else { continue }
                guard let organization = byFile[file] else {
                    let name = file.dropFirst(TenantLoader.customersFolder.count + 1)
                    guard !name.contains("/"), TenantDirectory.isCustomerFileName(String(name)) else { continue }
                    // A customer file that no longer exists: its organization may be planned for destroy.
                    note("tenantplan: note: \(file) was removed or renamed since \(revision): planning everything\n")
                    return nil
                }
                // A name the file declared at REV and no longer does (an organization or connection renamed inside
                // the file) leaves the old object behind, which only a full plan sees.
                if let customer = customers.first(where: { $0.file == file }),
                    let gone = ChangedFiles.namesGone(from: file, since: revision, directory: directory, now: customer)
                {
                    note("tenantplan: note: \(file) no longer declares \(gone) (it did at \(revision)): planning everything\n")
                    return nil
                }
                organizations.insert(organization)
            }
            return organizations
        }
    }
}

/// The files of a tenant directory that changed since a git revision.
enum ChangedFiles {
    /// Paths relative to `directory` that differ between `revision` and the working tree, plus untracked files
    /// (`git diff --name-only --no-renames --relative REV -- .` and `git ls-files --others --exclude-standard`).
    /// - Throws: ``CLIError/unsupported(_:)`` with git's own message when git fails (unknown revision, not a
    ///   repository, git missing).
    static func since(_ revision: String, directory: String) throws -> Set<String> {
        // A value starting with '-' would reach git as an option (`--output=FILE` writes a file).
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw CLIError.usage("--changed-since takes a git revision (a commit, branch or tag), got '\(revision)'")
        }
        _ = try git(["rev-parse", "--is-inside-work-tree"], in: directory, revision: revision) {
            "\(directory) is not inside a git repository"
        }
        _ = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: directory, revision: revision) {
            "'\(revision)' is not a commit of the git repository of \(directory) (a shallow clone lacks the "
                + "history: fetch it, e.g. actions/checkout with fetch-depth: 0)"
        }
        // --no-renames: a renamed customer file is listed as removed (planning everything) and added.
        let diff = try git(
            ["diff", "--name-only", "--no-renames", "--relative", revision, "--", "."], in: directory, revision: revision)
        let untracked = try git(["ls-files", "--others", "--exclude-standard", "--", "."], in: directory, revision: revision)
        return Set((diff + "\n" + untracked).split(separator: "\n").map(String.init).filter { !$0.isEmpty })
    }

    /// The first organization or enterprise connection the file declared at `revision` that `customer` no longer
    /// declares (`organization "acme"`, `connection "acme-entra"`), or `nil` (also for a file new since `revision`
    /// or one git cannot show).
    static func namesGone(from file: String, since revision: String, directory: String, now customer: Customer)
        -> String?
    {
        guard let old = try? git(["show", "\(revision):./\(file)"], in: directory, revision: revision),
            let declared = TenantLoader.declaredNames(ofCustomerFile: Data(old.utf8), file: file)
        else { return nil }
        if let name = declared.organization, name != customer.organization.name.value {
            return "organization \"\(name)\""
        }
        let current = Set(customer.enterpriseConnections.map(\.name.value))
        if let name = declared.enterpriseConnections.first(where: { !current.contains($0) }) {
            return "connection \"\(name)\""
        }
        return nil
    }

    /// Runs git in `directory`.
    /// - Parameter failure: The message when git fails; git's own message by default.
    private static func git(
        _ arguments: [String], in directory: String, revision: String, failure: (() -> String)? = nil
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CLIError.unsupported("--changed-since \(revision): cannot run git: \(error.localizedDescription)")
        }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if let failure { throw CLIError.unsupported("--changed-since \(revision): \(failure())") }
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CLIError.unsupported("--changed-since \(revision): git failed: \(reason)")
        }
        return String(decoding: text, as: UTF8.self)
    }
}
