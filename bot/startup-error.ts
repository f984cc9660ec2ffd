/** A problem that stops start-up; its message is for the person running the bot, one line per problem. */
export class StartupError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'StartupError';
  }
}

/** PORT is taken by another program (or another copy of the bot). */
export function portInUse(port: number): StartupError {
  return new StartupError([
    `PORT: el puerto ${port} ya está en uso por otro programa. Elija otro, por ejemplo PORT=${port + 1}.`,
  ]);
}
