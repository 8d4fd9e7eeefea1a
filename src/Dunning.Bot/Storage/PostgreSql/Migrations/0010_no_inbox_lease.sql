-- The Telegram inbox is handled by the leading host alone (leadership, a session advisory lock): the lease row earlier
-- builds kept in channel_state is no longer read or written.
DELETE FROM channel_state WHERE key = 'telegram:inbox';
