//! Value generators and fuzz target bodies for imap-proto (grows with issue 5).
