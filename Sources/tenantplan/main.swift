import CLI
import Foundation

// The executable only hands the process's arguments, environment and streams to the CLI library.
// A closed output pipe must not kill an apply half-way: writes to it fail quietly instead.
signal(SIGPIPE, SIG_IGN)
let status = await TenantplanCLI.run(Array(CommandLine.arguments.dropFirst()), context: .process())
exit(status)
