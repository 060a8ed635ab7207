-- The id is made by the client (uuid(7), as every table here); the payment PIN migration had also given it a database default.
-- AlterTable
ALTER TABLE "pin_reset_codes" ALTER COLUMN "id" DROP DEFAULT;
