import { groupCommit } from "@/lib/db/group-commit";
import { writeTransactions } from "./write-transactions";

// POS transactions are group-committed (lib/db/group-commit.ts): one statement per batch locks the month's
// counter rows, drops duplicate references and applies the monthly limit exactly. Two batches in flight: while
// one waits for its commit the next is on its way (200 businesses went from 76 % to 88 % of the floor; one hot
// business is unchanged, as its batches queue for the same counter lock).
export const submitTransaction = groupCommit(writeTransactions, { inFlight: 2 });
