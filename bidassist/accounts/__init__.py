"""Key accounts: which customers are worth bidding for (value, tiers), which big ones are fake
(假大户), which are about to leave, and the bid/no-bid decision that uses all of it."""
