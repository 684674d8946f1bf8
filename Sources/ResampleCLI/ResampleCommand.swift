// ResampleCommand.swift: the root `resample` command and its subcommand list.
import ArgumentParser
import Resample

@main
struct ResampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resample",
    abstract: "Is the difference you see real? Bootstrap, exact and Monte Carlo tests, power.",
    version: ResampleVersion.version,
    subcommands: []
  )
}
