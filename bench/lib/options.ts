/** The value after `name` on the command line (`--seconds 15`), or undefined when `name` is absent. */
export const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
