#!/bin/sh
# Stands in for Prisma's native schema engine, which these machines cannot download.
# `prisma generate` only asks it for a version.
echo "schema-engine-cli 7.10.1"
