"""What comes back from Parties who do not use cmsdesk: Word replies to a consultation copy,
letters and e-mails, and plans that exist only as files. Plain Python (no Qt)."""
