import CLI
import Foundation

// The executable only hands the process's arguments, environment and streams to the CLI library.
// A closed output pipe must not kill an apply half-way: writes to it fail quietly instead.
signal(SIGPIPE, SIG_IGN)
var status = await TenantplanCLI.run(Array(CommandLine.arguments.dropFirst()), context: .process())
if let failure = StandardStream.writeFailure {
    // The output is lost (full disk, closed pipe): never report that as success, nor as "changes present" (2) or
    // "policy violations" (3), which a CI job would read as a plan or findings it never received.
    StandardStream.error.write("tenantplan: error: the output could not be written (\(failure))\n")
    status = 1
}
exit(status)
