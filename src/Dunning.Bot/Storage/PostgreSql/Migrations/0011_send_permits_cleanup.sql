-- Send budgets per chat, conversation, tenant and channel (not only per bot) mean rows for every chat the bot wrote to.
-- A bucket's rows are now added when a send needs one, and each returned permit deletes a few rows that have been free
-- for longer than Coordination:SendPermitHold (a free row and a missing row mean the same: a free permit). This index
-- finds them, oldest first.
CREATE INDEX dunning_send_permits_idle ON dunning_send_permits (free_at);
