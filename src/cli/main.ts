// The CLI is filled in by the CLI issue.
process.stdout.write('leadrank: the CLI is not built yet\n');
