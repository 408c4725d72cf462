not a catalogue at all, but long enough
