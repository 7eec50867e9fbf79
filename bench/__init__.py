"""The benchmark behind `make bench`: production server, concurrent simulated users, recorded results."""
