"""The layers around a full notice, made from its facts: the at-a-glance summary (`glance`) and
the short collection notices for forms, letters and calls (`collection`)."""
