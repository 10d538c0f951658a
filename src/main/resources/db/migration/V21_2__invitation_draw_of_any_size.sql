-- 邀请招标 from the supplier database draws among every registered supplier not barred: a city with a few hundred
-- social organisations gives a list (and a draw order) longer than 4,000 characters, and the department's written
-- reasons for a recommended list may have 4,000 characters (InvitationListValidator): the draw's columns take any size.
ALTER TABLE invitation_draw ALTER COLUMN list_basis SET DATA TYPE TEXT;
ALTER TABLE invitation_draw ALTER COLUMN pool SET DATA TYPE TEXT;
ALTER TABLE invitation_draw ALTER COLUMN draw_order SET DATA TYPE TEXT;
ALTER TABLE invitation_draw ALTER COLUMN invited SET DATA TYPE TEXT;
