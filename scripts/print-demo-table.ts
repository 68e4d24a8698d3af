// Prints the "Demo sign-ins" table of the README from the demo data (keep them equal; a test checks).
import { demoSignInsTable } from '../apps/server/src/demo/seed.js';

console.log(demoSignInsTable());
