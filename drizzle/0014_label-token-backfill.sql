-- Hand-written (issue 11, R-PUB-3): every instrument already filed gets its permanent label token, in the same
-- shape as the application's (18 random bytes, base64url, 24 characters): two random UUIDs give the bytes.
UPDATE "instruments"
SET "label_token" = translate(
  encode(
    decode(replace(gen_random_uuid()::text, '-', ''), 'hex') || substring(decode(replace(gen_random_uuid()::text, '-', ''), 'hex') from 1 for 2),
    'base64'
  ),
  '+/', '-_'
)
WHERE "filing_status" = 'filed' AND "label_token" IS NULL;
