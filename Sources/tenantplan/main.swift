import CLI
import Foundation

// The executable only hands the process's arguments, environment and streams to the CLI library.
// A closed output pipe must not kill an apply half-way: writes to it fail quietly instead.
signal(SIGPIPE, SIG_IGN)
var status = await TenantplanCLI.run(Array(CommandLine.arguments.dropFirst()), context: .process())
if let failure = StandardStream.writeFailure, status == 0 {
    // The command did its work but its output is lost (full disk, closed pipe): never report that as success.
    StandardStream.error.write("tenantplan: error: the output could not be written (\(failure))\n")
    status = 1
}
exit(status)
