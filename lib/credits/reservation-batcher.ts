import { groupCommit } from "@/lib/db/group-commit";
import { writeReservations } from "./write-reservations";

// Every reservation contends for the same balance row, so one transaction per request is bounded by one
// commit per row lock; group commit (lib/db/group-commit.ts) takes a whole queue per lock instead.
export const submitReservation = groupCommit(writeReservations);
