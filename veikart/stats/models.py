# stats holds no models: it reads what the other apps store.
