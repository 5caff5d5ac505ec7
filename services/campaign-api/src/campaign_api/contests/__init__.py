"""Online contests (cuộc thi trực tuyến): question banks, rounds, participants, attempts, results."""
