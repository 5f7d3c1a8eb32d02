-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'kept';
