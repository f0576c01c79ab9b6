import CLI
import Foundation

// The executable only hands the process's arguments, environment and streams to the CLI library.
let status = await TenantplanCLI.run(Array(CommandLine.arguments.dropFirst()), context: .process())
exit(status)
