//! Layer 4: the incremental framer (issue 4). Not yet written.
