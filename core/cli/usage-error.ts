// A wrong command line: printed with the usage and exit code 2.
export class UsageError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
