"""What waits on the caller ("việc cần xử lý"), across the platform's workflows."""
