"""Products (rental, subscription, flex, carsharing, testdrive, servicing): definitions."""
