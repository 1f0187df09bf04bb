/**
 * The collection-station agent (采集站), run as {@code java -jar lawtrace.jar import}: it uploads a camera's files
 * resumably and reports each one stored only once the server has confirmed its digest, so the camera can be cleared
 * safely. It is a client of the platform's API and uses none of its modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.lawtrace.collector;
