import { groupCommit } from "@/lib/db/group-commit";
import { writeTransactions } from "./write-transactions";

// POS transactions are group-committed (lib/db/group-commit.ts): one transaction per batch locks the month's
// counter rows, drops duplicate references and applies the monthly limit exactly.
export const submitTransaction = groupCommit(writeTransactions, { inFlight: Number(process.env.POS_BATCHES_IN_FLIGHT ?? 1) });
