"""Background work on Huey: feed polling, fetches and imports started in the browser.
An entry layer like web/ and cli/: tasks parse their input and call the services."""
