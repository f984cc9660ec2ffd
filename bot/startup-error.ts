/** A problem that stops start-up; its message is for the person running the bot, one line per problem. */
export class StartupError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'StartupError';
  }
}
