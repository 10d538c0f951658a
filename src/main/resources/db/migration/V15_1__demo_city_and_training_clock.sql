-- The demo city is created once per database (demo/DemoCitySeeding): this row is inserted in the same transaction
-- as the whole demo data, so it exists exactly when the data does (a crash or a failure mid-way leaves neither),
-- and a second node starting at the same moment waits on its key and then finds it.
CREATE TABLE demo_city_seeding (
  id INT PRIMARY KEY,
  node VARCHAR(200) NOT NULL,
  seeded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  purchases INT NOT NULL,
  millis BIGINT NOT NULL
);

-- The accelerated engine clock of the training mode (training/TrainingClock): engine time =
-- training_anchor + (real time - real_anchor) * speed, all in epoch milliseconds. Every node follows this row;
-- real_seen is the last real time a running node confirmed it, so that a restart continues where the clock stopped.
CREATE TABLE training_clock (
  id INT PRIMARY KEY,
  training_anchor BIGINT NOT NULL,
  real_anchor BIGINT NOT NULL,
  speed DOUBLE PRECISION NOT NULL,
  real_seen BIGINT NOT NULL
);
