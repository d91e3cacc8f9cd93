package be.carenetwork.meeting;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves /meeting/ as its index page (Spring serves index.html by itself only at the root). */
@Configuration(proxyBeanMethods = false)
class MeetingPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/meeting/").setViewName("forward:/meeting/index.html");
        registry.addViewController("/meeting").setViewName("redirect:/meeting/");
    }
}
