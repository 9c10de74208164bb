-- MOJO clients create pools with "group": 1, so the default group must exist with that id.
INSERT INTO "groups" ("id", "name") VALUES (1, 'default') ON CONFLICT DO NOTHING;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('groups', 'id'), GREATEST((SELECT max("id") FROM "groups"), 1));
